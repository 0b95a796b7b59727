import { useEffect, useState } from 'react';
import { loadCityName, titleOf } from './app-title';

/** The dashboard's title with the configured city's name (from the API), also the document's title. */
export function AppTitle() {
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadCityName().then((n) => {
      if (!live) return;
      setName(n);
      document.title = titleOf(n);
    });
    return () => {
      live = false;
    };
  }, []);
  return <>{titleOf(name)}</>;
}
