import { useEffect, useState } from 'react';
import { loadDistrictMap, schematicMap, type DistrictMap } from './district-map';

/** The district boundaries: the schematic at once, the configured file when it has loaded. */
export function useDistrictMap(): DistrictMap {
  const [map, setMap] = useState<DistrictMap>(schematicMap);
  useEffect(() => {
    const controller = new AbortController();
    void loadDistrictMap(controller.signal).then((m) => {
      if (!controller.signal.aborted) setMap(m);
    });
    return () => controller.abort();
  }, []);
  return map;
}
