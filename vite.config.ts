import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { dialograumServer } from './src/lib/server/realtime/vite-plugin';

export default defineConfig({
	plugins: [sveltekit(), dialograumServer()],
	build: {
		// Fewer, larger chunks: a phone on venue Wi-Fi pays per request, not only per byte.
		rollupOptions: {
			output: {
				experimentalMinChunkSize: 20_000,
				manualChunks: (id) => (id.includes('/node_modules/') && !id.includes('@sveltejs/kit') ? 'vendor' : undefined)
			}
		}
	}
});
