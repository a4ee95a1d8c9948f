import { dirname, join, resolve } from 'node:path';

export type Config = {
	databaseUrl: string;
	migrationsFolder: string;
	/** Load the demo set-up when the database holds no series yet. */
	loadDemo: boolean;
	/** Public origin (ORIGIN), used for join links and QR codes when set. */
	origin: string | undefined;
	/** Where uploaded files (pin-board photos) live: DATA_DIR, else the database's folder. */
	dataDir: string;
	/** First organiser account, used only while the database has no accounts. */
	adminEmail?: string;
	adminPassword?: string;
	/** Where the bundled worker threads are (`build/workers`); unset when running from source. */
	workersFolder?: string;
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
	const root = env.DIALOGRAUM_ROOT ?? process.cwd();
	const databaseUrl = env.DATABASE_URL || './data/dialograum.db';
	return {
		databaseUrl,
		migrationsFolder: join(root, 'drizzle'),
		loadDemo: env.DEMO !== 'off',
		origin: env.ORIGIN || undefined,
		dataDir: resolve(env.DATA_DIR || dirname(databaseUrl.replace(/^file:/, ''))),
		adminEmail: env.ADMIN_EMAIL || undefined,
		adminPassword: env.ADMIN_PASSWORD || undefined
	};
}
