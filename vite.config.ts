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
				manualChunks: (id) => {
					if (id.includes('/node_modules/') && !id.includes('@sveltejs/kit')) return 'vendor';
					// The live state of projector and control surface gets a chunk of its own: otherwise the merging of
					// small chunks folds it into the one with the socket, which every participant page loads. The socket
					// (a few lines around socket.io-client) goes with its library, or it would be pulled in here.
					if (id.includes('/src/lib/client/socket')) return 'vendor';
					if (id.includes('/src/lib/live/')) return 'live';
					return undefined;
				}
			}
		}
	}
});
