import { electronBanner } from './globalSetup';

/** Repeats the Electron notice after the results, where it cannot scroll out of sight. */
export default function globalTeardown(): void {
  const banner = electronBanner();
  if (banner) console.log(banner);
}
