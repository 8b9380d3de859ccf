/** The account the bench signs in with on Plume, created by its host process. */
export const PLUME_BENCH_ACCOUNT = { email: 'bench@plume.test', password: 'bench password, not secret' };
