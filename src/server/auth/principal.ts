import type { Role } from './role.js';

/** Who a request acts as: the token (or the sign-in session made from one) and its role. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}
