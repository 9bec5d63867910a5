// The throwaway PostgreSQL lives beside the server script, which also uses it for `npm run server -- tryout`.
export * from '../../../scripts/server/localPostgres'
