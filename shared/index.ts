export * from './errors.ts';
export * from './geometry.ts';
