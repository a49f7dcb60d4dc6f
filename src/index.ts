// The main entry: everything in `react-credit-grants/core`, the React
// provider and hooks, and the styled components.
export * from './core/index';
export * from './react/index';
export * from './components/index';
