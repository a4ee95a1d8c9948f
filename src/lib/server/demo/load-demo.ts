import * as v from 'valibot';
import type { Db } from '../db/connection';
import { series } from '../db/schema';
import { importSetup } from '../setup/import-setup';
import { SetupFile } from '../setup/setup-file';
import demo from './expertinnendialoge-2023.json';

export const DEMO_JOIN_CODE = 'DEMO';

/** On an empty database, loads the 2023 Alstaden/Lirich set-up with the join code DEMO. */
export function loadDemoIfEmpty(db: Db): boolean {
	if (db.select({ id: series.id }).from(series).limit(1).get()) return false;
	importSetup(db, v.parse(SetupFile, demo), { joinCode: DEMO_JOIN_CODE });
	return true;
}
