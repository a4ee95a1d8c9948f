import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { dialograumServer } from './src/lib/server/realtime/vite-plugin';

export default defineConfig({
	plugins: [sveltekit(), dialograumServer()]
});
