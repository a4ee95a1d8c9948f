import { join } from 'node:path';

export type Config = {
	databaseUrl: string;
	migrationsFolder: string;
	/** Load the demo set-up when the database holds no series yet. */
	loadDemo: boolean;
	/** Public origin (ORIGIN), used for join links and QR codes when set. */
	origin: string | undefined;
	/** First organiser account, used only while the database has no accounts. */
	adminEmail?: string;
	adminPassword?: string;
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
	const root = env.DIALOGRAUM_ROOT ?? process.cwd();
	return {
		databaseUrl: env.DATABASE_URL || './data/dialograum.db',
		migrationsFolder: join(root, 'drizzle'),
		loadDemo: env.DEMO !== 'off',
		origin: env.ORIGIN || undefined,
		adminEmail: env.ADMIN_EMAIL || undefined,
		adminPassword: env.ADMIN_PASSWORD || undefined
	};
}
