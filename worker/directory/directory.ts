/** The only user of env.ACCOUNT_DIRECTORY: the account's directory object, through which every write of its records goes. */
import type { AccountDirectory } from './account-directory';

/** The directory object of `accountId`. */
export function accountDirectory(
	env: Pick<Env, 'ACCOUNT_DIRECTORY'>,
	accountId: string,
): DurableObjectStub<AccountDirectory> {
	// env.d.ts types the namespace loosely until typegen sees the class; the binding is AccountDirectory.
	return (env.ACCOUNT_DIRECTORY as unknown as DurableObjectNamespace<AccountDirectory>).getByName(
		accountId,
	);
}
