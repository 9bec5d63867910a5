import type { DashboardData } from '../domain/insights'
import { dateRangeSchema } from '../schemas/insightSchemas'
import { channel, read } from './channel'

/** The dashboard. */
export const dashboardChannels = {
  /** Everything the dashboard shows, for decisions in the date range. */
  'dashboard:load': channel<typeof dateRangeSchema, DashboardData>(dateRangeSchema, read()),
} as const
