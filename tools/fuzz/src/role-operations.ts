/** The slice of an OpenAPI document this tool reads: each operation's id and its `x-roles`. */
interface OpenApiOperations {
  paths?: Record<string, Record<string, { operationId?: string; 'x-roles'?: unknown }>>;
}

/**
 * The operations one role fuzzes. The first role (admin, allowed everywhere) fuzzes every operation,
 * public ones included; every other role fuzzes the guarded operations its `x-roles` allow. A denied
 * cell only ever answers 403 before any input is read: the authorization matrix int spec covers those.
 */
export function operationsFor(document: unknown, role: string, everything: boolean): string[] | 'all' {
  if (everything) return 'all';
  const ids: string[] = [];
  for (const methods of Object.values((document as OpenApiOperations).paths ?? {})) {
    for (const op of Object.values(methods)) {
      const roles = op['x-roles'];
      if (op.operationId !== undefined && Array.isArray(roles) && roles.includes(role))
        ids.push(op.operationId);
    }
  }
  return ids.sort();
}
