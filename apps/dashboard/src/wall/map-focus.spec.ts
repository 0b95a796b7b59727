import { buildMapOption } from '../charts/builders/map-option';
import { COUNTY_ZOOM, countyFocus, focusMap } from './map-focus';

describe('a county view of the wall map', () => {
  const option = buildMapOption({ mapName: 'm', heat: [], markers: [], scale: 1 });

  it('looks at the county, zoomed in; the rest of the option is untouched', () => {
    const focus = countyFocus({ lon: 107.248, lat: 31.912 });
    const focused = focusMap(option, focus);
    expect(focused.geo).toMatchObject({ map: 'm', center: [107.248, 31.912], zoom: COUNTY_ZOOM });
    expect(focused.series).toBe(option.series);
  });

  it('a county without a point has no focus, and no focus leaves the option as it was', () => {
    expect(countyFocus(null)).toBeUndefined();
    expect(focusMap(option, undefined)).toBe(option);
  });
});
