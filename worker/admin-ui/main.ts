/** The management page's entry (bundled to /admin/app.js): wires the screens and signs in with the token of this tab, if any. */
import { setUpAccounts, startApp } from './accounts';
import { whenUnauthorized } from './api';
import { setUpSignIn, showSignIn, signOut } from './sign-in';
import { state, TOKEN_KEY } from './state';
import { tickCountdowns } from './time-format';

whenUnauthorized(signOut);
setUpSignIn(startApp);
setUpAccounts();
setInterval(tickCountdowns, 1000);
state.token = sessionStorage.getItem(TOKEN_KEY);
if (state.token) void startApp();
else showSignIn();
