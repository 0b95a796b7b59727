/*
 * The route table lives in @fengqiao/contracts (libs/contracts/src/routes/): the API's controllers,
 * guards, OpenAPI document and authorization-matrix test read it from there, as the dashboard's
 * typed client does. Re-exported here so the API's modules keep one local import.
 */
export { ROUTES, routeSpec, type RouteId, type RouteSpec } from '@fengqiao/contracts';
