// Stylesheets are imported for their side effect; the bundler (Vite) handles them.
declare module '*.css';
