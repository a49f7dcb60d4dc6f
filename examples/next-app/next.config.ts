import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This app sits inside the library's repository, whose own package-lock.json
  // would otherwise be taken for the workspace root.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;
