import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'react-credit-grants/styles.css';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Credits · Acme Analytics (Next.js)',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
