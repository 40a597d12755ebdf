/**
 * What the app's shell (the (app) layout) hands its pages: the data session, the URL's state and
 * the scope it names. The layout owns them; a page picks a view and reads them.
 */
import { getContext, setContext } from 'svelte';
import type { DataSession } from '$lib/data/session.svelte';
import type { Scope, ScopeLevel } from '$lib/data/scope';
import type { Lang } from '$lib/i18n';
import type { AppState } from './filters';

export interface Shell {
	readonly session: DataSession;
	/** The state the URL holds, validated against the dataset. */
	readonly app: AppState;
	/** The state views query with: a name search only where reports are loaded. */
	readonly viewApp: AppState;
	readonly lang: Lang;
	/** The region a partitioned dataset has loaded for the views (null: a flat dataset). */
	readonly scope: Scope | null;
	readonly level: ScopeLevel | 'all';
	/** The engine answers for this scope. */
	readonly dataReady: boolean;
	update(patch: Partial<AppState>): void;
	/** Try loading the scope's rows again after a failure. */
	retryScope(): void;
}

const SHELL = Symbol('shell');

export function setShell(shell: Shell): void {
	setContext(SHELL, shell);
}

export function getShell(): Shell {
	const shell = getContext<Shell | undefined>(SHELL);
	if (!shell) throw new Error('getShell() outside the app layout');
	return shell;
}
