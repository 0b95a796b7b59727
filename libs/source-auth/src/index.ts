export * from './source-registry';
export * from './signature';
export * from './source-guard';
export * from './scope';
export * from './media-hooks';
