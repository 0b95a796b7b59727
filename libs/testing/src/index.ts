export { testConfig, uniqueName } from './stack-env';
