import { fetchHealth } from '../health/fetch-health';
import { S } from '../i18n/strings';

/** The page's title for the configured city's center; the plain title until its name is known. */
export function titleOf(cityName: string | undefined): string {
  return cityName === undefined ? S.appTitle : S.appTitleOfCity.replace('{city}', cityName);
}

let cityName: Promise<string | undefined> | undefined;

/**
 * The configured city's name (FQ_CITY_NAME on the server), from the public health route, once per
 * page load; undefined while the API cannot be reached (the title stays plain, and a later page
 * load asks again).
 */
export function loadCityName(): Promise<string | undefined> {
  cityName ??= fetchHealth(new AbortController().signal).then((h) => {
    if (h.kind === 'loaded') return h.city.name;
    cityName = undefined;
    return undefined;
  });
  return cityName;
}
