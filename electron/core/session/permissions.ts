import { contract, type Channel } from '../../../shared/contract'
import type { ChannelPolicy } from '../../../shared/contracts/channel'
import type { RoleId } from '../../../shared/domain/session'

/** The channel's declared policy, or undefined for a name that is not in the contract. */
export function policyOf(channel: string): ChannelPolicy | undefined {
  return Object.hasOwn(contract, channel) ? contract[channel as Channel].policy : undefined
}

/**
 * Whether a role may call a channel: only what the contract declares (HIPAA 45 CFR 164.312(a)(1),
 * access control). An unknown channel is refused.
 */
export function mayCall(role: RoleId, channel: string): boolean {
  return policyOf(channel)?.roles.includes(role) ?? false
}

/** Whether a channel answers while the caseload is locked (the lock screen's own calls). */
export const isAllowedWhileLocked = (channel: string) => policyOf(channel)?.allowedWhileLocked ?? false
