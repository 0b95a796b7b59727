import { useEffect, useState } from 'react';
import { districtName } from '../wall/wall-data';
import { RegionNames } from './region-names';
import { fetchRegions } from './useRegionChildren';

/** One cache for the page: every panel that names a township shares what was loaded. */
const pageNames = new RegionNames((parent) => fetchRegions(parent));

/** The name of a township or village (its code until its list has loaded); a county by its district. */
export function useRegionName(code: string | undefined): string {
  const [name, setName] = useState(() => (code === undefined ? '' : initial(code)));
  useEffect(() => {
    if (code === undefined) return setName('');
    setName(initial(code));
    if (code.length === 6) return undefined;
    let live = true;
    void pageNames.nameOf(code).then((n) => {
      if (live) setName(n);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return name;
}

function initial(code: string): string {
  return code.length === 6 ? districtName(code) : (pageNames.known(code) ?? code);
}
