// The main entry: everything in `react-credit-grants/core`, plus (as they
// land) the React provider, hooks and components.
export * from './core/index';
export * from './react/index';
