// ESLint as the SvelteKit template configures it: JS, TypeScript and Svelte rules, Prettier for layout.
import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', 'build-sub/', '.svelte-kit/', 'node_modules/', 'corpus/', 'data/', 'tests/fixtures/', 'test-results/', 'playwright-report/', 'scratch/', 'bench/tmp/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks undefined names itself (svelte-check, tsc).
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// Maps and URLs here are built afresh inside $derived or a handler and never mutated as state.
			'svelte/prefer-svelte-reactivity': 'off',
			// Links and goto() stay on this page with other query parameters, prefixed with the app's base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	}
);
