/**
 * The trailing window of the wall's rate tiles, in days (compared with the same days a year
 * earlier). The API's KPI tiles compute over it and the simulator's history plan seeds enough days
 * for it: one constant, so they cannot drift apart.
 */
export const KPI_WINDOW_DAYS = 30;
