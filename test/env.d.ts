/** Types `exports` from 'cloudflare:workers' in tests as the Worker's own module. */
declare namespace Cloudflare {
	interface GlobalProps {
		mainModule: typeof import('../worker/index');
	}
}
