import { createRouter, createWebHashHistory } from 'vue-router'
import BoardView from './views/BoardView.vue'

/** Hash history: works from file:// in Electron and from the bridge in browser mode alike. */
export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'board', component: BoardView },
      { path: '/cases/new', name: 'case-new', component: () => import('./views/CaseIntakeView.vue') },
      { path: '/cases/:id', name: 'case', component: () => import('./views/CaseDetailView.vue'), props: (r) => ({ caseId: Number(r.params.id) }) },
      { path: '/caseload', name: 'caseload', component: () => import('./views/CaseloadView.vue') },
      { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
      { path: '/deadlines', name: 'deadlines', component: () => import('./views/DeadlinesView.vue') },
      { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
      { path: '/security', name: 'security', component: () => import('./views/SecurityView.vue') },
      { path: '/screening', name: 'screening', component: () => import('./views/ScreeningQueueView.vue') },
      { path: '/applicants/new', name: 'applicant-new', component: () => import('./views/ApplicantNewView.vue') },
      { path: '/applicants/:id(\\d+)', name: 'applicant', component: () => import('./views/ApplicantView.vue'), props: (r) => ({ applicantId: Number(r.params.id) }) },
      { path: '/programs', name: 'programs', component: () => import('./views/ProgramsView.vue') },
    ],
  })
}
