import { useRegionName } from '../common/useRegionName';

/** A region as a person reads it: its name, the code on hover. */
export function RegionName({ code }: { readonly code: string }) {
  const name = useRegionName(code);
  return (
    <span title={code} data-code={code}>
      {name}
    </span>
  );
}
