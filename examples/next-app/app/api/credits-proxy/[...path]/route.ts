import { creditsProxy } from '@/lib/credits-proxy';

// Per-customer data: never prerendered or cached.
export const dynamic = 'force-dynamic';
export const GET = creditsProxy;
