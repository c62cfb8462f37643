import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { useSession, wasSignedOutOnPurpose } from '../api/session.ts';
import { Button } from '../components/Button.tsx';
// care: inbox
import { CareGuard } from '../components/care/CareGuard.tsx';
import { Loading } from '../components/Loading.tsx';
import { storeLocale } from '../i18n/locale.ts';
import { errorMessage } from '../i18n/messages.ts';
import { BookmarksPage } from '../routes/BookmarksPage.tsx';
import { EventPage } from '../routes/EventPage.tsx';
import { ForgotPasswordPage } from '../routes/ForgotPasswordPage.tsx';
import { HomePage } from '../routes/HomePage.tsx';
import { InvitationPage } from '../routes/InvitationPage.tsx';
import { KnowledgePage } from '../routes/KnowledgePage.tsx';
import { ModerationCasePage } from '../routes/ModerationCasePage.tsx';
import { ModerationLayout } from '../routes/ModerationLayout.tsx';
import { ModerationPendingTab } from '../routes/ModerationPendingTab.tsx';
import { ModerationReportsTab } from '../routes/ModerationReportsTab.tsx';
import { NotFoundPage } from '../routes/NotFoundPage.tsx';
import { NotificationsPage } from '../routes/NotificationsPage.tsx';
import { OrgChartPage, OrgRootsPage } from '../routes/OrgChartPage.tsx';
import { PeoplePage } from '../routes/PeoplePage.tsx';
import { PostPage } from '../routes/PostPage.tsx';
import { ProfilePage } from '../routes/ProfilePage.tsx';
import { QuestionsPage } from '../routes/QuestionsPage.tsx';
import { ResetPasswordPage } from '../routes/ResetPasswordPage.tsx';
import { SearchPage } from '../routes/SearchPage.tsx';
import { SettingsPage } from '../routes/SettingsPage.tsx';
import { SetupPage } from '../routes/SetupPage.tsx';
import { SignInPage } from '../routes/SignInPage.tsx';
import { SpaceEventsTab } from '../routes/SpaceEventsTab.tsx';
import { SpaceFeedTab } from '../routes/SpaceFeedTab.tsx';
import { SpaceKnowledgeTab } from '../routes/SpaceKnowledgeTab.tsx';
import { SpaceMembersTab } from '../routes/SpaceMembersTab.tsx';
import { SpacePage } from '../routes/SpacePage.tsx';
import { SpaceRequestsTab } from '../routes/SpaceRequestsTab.tsx';
import { SpaceSettingsTab } from '../routes/SpaceSettingsTab.tsx';
import { SpacesPage } from '../routes/SpacesPage.tsx';
import { TagPage } from '../routes/TagPage.tsx';
import { WhoKnowsPage } from '../routes/WhoKnowsPage.tsx';
import { safeNextPath, signInPath } from './next-path.ts';
import { PublicLayout } from './PublicLayout.tsx';
import { Shell } from './Shell.tsx';
import { SignedInContext } from './signed-in-context.ts';

// ideas — their code loads when first opened.
const IdeasPage = lazy(() => import('../routes/IdeasPage.tsx').then((m) => ({ default: m.IdeasPage })));
const IdeaCampaignPage = lazy(() =>
  import('../routes/IdeaCampaignPage.tsx').then((m) => ({ default: m.IdeaCampaignPage })),
);
const IdeaPage = lazy(() => import('../routes/IdeaPage.tsx').then((m) => ({ default: m.IdeaPage })));
// ambassadors — its code loads when first opened.
const AmbassadorsPage = lazy(() =>
  import('../routes/AmbassadorsPage.tsx').then((m) => ({ default: m.AmbassadorsPage })),
);
const AmbassadorKitsPage = lazy(() =>
  import('../routes/AmbassadorKitsPage.tsx').then((m) => ({ default: m.AmbassadorKitsPage })),
);
const AmbassadorReportPage = lazy(() =>
  import('../routes/AmbassadorReportPage.tsx').then((m) => ({ default: m.AmbassadorReportPage })),
);
// Administration is for a few people: its code loads when first opened.
const AdminLayout = lazy(() => import('../routes/AdminLayout.tsx').then((m) => ({ default: m.AdminLayout })));
const AdminPeoplePage = lazy(() =>
  import('../routes/AdminPeoplePage.tsx').then((m) => ({ default: m.AdminPeoplePage })),
);
const AdminInvitationsPage = lazy(() =>
  import('../routes/AdminInvitationsPage.tsx').then((m) => ({ default: m.AdminInvitationsPage })),
);
const AdminOutboxPage = lazy(() =>
  import('../routes/AdminOutboxPage.tsx').then((m) => ({ default: m.AdminOutboxPage })),
);
const AdminOutboxMessagePage = lazy(() =>
  import('../routes/AdminOutboxMessagePage.tsx').then((m) => ({ default: m.AdminOutboxMessagePage })),
);
const AdminContentRulesPage = lazy(() =>
  import('../routes/AdminContentRulesPage.tsx').then((m) => ({ default: m.AdminContentRulesPage })),
);
const AdminRetentionPage = lazy(() =>
  import('../routes/AdminRetentionPage.tsx').then((m) => ({ default: m.AdminRetentionPage })),
);
const AdminSsoPage = lazy(() =>
  import('../routes/AdminSsoPage.tsx').then((m) => ({ default: m.AdminSsoPage })),
);
const AdminExternalPage = lazy(() =>
  import('../routes/AdminExternalPage.tsx').then((m) => ({ default: m.AdminExternalPage })),
);
const AdminAnalyticsPage = lazy(() =>
  import('../routes/AdminAnalyticsPage.tsx').then((m) => ({ default: m.AdminAnalyticsPage })),
);
// Analytics is for a few people too: the charts load with the page.
const AnalyticsLayout = lazy(() =>
  import('../routes/AnalyticsLayout.tsx').then((m) => ({ default: m.AnalyticsLayout })),
);
const AnalyticsDashboardTab = lazy(() =>
  import('../routes/AnalyticsDashboardTab.tsx').then((m) => ({ default: m.AnalyticsDashboardTab })),
);
const AnalyticsRoiTab = lazy(() =>
  import('../routes/AnalyticsRoiTab.tsx').then((m) => ({ default: m.AnalyticsRoiTab })),
);
const AnalyticsCohortsTab = lazy(() =>
  import('../routes/AnalyticsCohortsTab.tsx').then((m) => ({ default: m.AnalyticsCohortsTab })),
);
// care: inbox — for the customer-care team only: its code loads when first opened.
const CareLayout = lazy(() => import('../routes/CareLayout.tsx').then((m) => ({ default: m.CareLayout })));
const CareInboxPage = lazy(() =>
  import('../routes/CareInboxPage.tsx').then((m) => ({ default: m.CareInboxPage })),
);
const CareConversationPage = lazy(() =>
  import('../routes/CareConversationPage.tsx').then((m) => ({ default: m.CareConversationPage })),
);
const CareCannedPage = lazy(() =>
  import('../routes/CareCannedPage.tsx').then((m) => ({ default: m.CareCannedPage })),
);
// care: insight
const CareInsightPage = lazy(() =>
  import('../routes/CareInsightPage.tsx').then((m) => ({ default: m.CareInsightPage })),
);
const AdminAuditPage = lazy(() =>
  import('../routes/AdminAuditPage.tsx').then((m) => ({ default: m.AdminAuditPage })),
);

// care: channels — Admin → Customer care.
const AdminCareLayout = lazy(() =>
  import('../routes/AdminCareLayout.tsx').then((m) => ({ default: m.AdminCareLayout })),
);
const AdminCareChannelsPage = lazy(() =>
  import('../routes/AdminCareChannelsPage.tsx').then((m) => ({ default: m.AdminCareChannelsPage })),
);
const AdminCareChannelPage = lazy(() =>
  import('../routes/AdminCareChannelPage.tsx').then((m) => ({ default: m.AdminCareChannelPage })),
);
const AdminCareTeamsPage = lazy(() =>
  import('../routes/AdminCareTeamsPage.tsx').then((m) => ({ default: m.AdminCareTeamsPage })),
);
const AdminCareSlaPage = lazy(() =>
  import('../routes/AdminCareSlaPage.tsx').then((m) => ({ default: m.AdminCareSlaPage })),
);
const AdminCareAgentsPage = lazy(() =>
  import('../routes/AdminCareAgentsPage.tsx').then((m) => ({ default: m.AdminCareAgentsPage })),
);

/**
 * One route tree for every state of the session, so a public page (an invitation link, say)
 * stays mounted while someone signs in on it. Guards redirect by the session:
 * setup needed → /setup only; signed out → public pages only; signed in → the Shell.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SessionRoot />}>
        <Route element={<PublicLayout />}>
          <Route path="setup" element={<SetupRoute />} />
          <Route
            path="sign-in"
            element={
              <SignedOutOnly>
                <SignInPage />
              </SignedOutOnly>
            }
          />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route path="invitation" element={<InvitationPage />} />
        </Route>
        <Route element={<RequireUser />}>
          <Route index element={<HomePage />} />
          <Route path="spaces" element={<SpacesPage />} />
          <Route path="spaces/:slug" element={<SpacePage />}>
            <Route index element={<SpaceFeedTab />} />
            <Route path="members" element={<SpaceMembersTab />} />
            <Route path="events" element={<SpaceEventsTab />} />
            <Route path="knowledge" element={<SpaceKnowledgeTab />} />
            <Route path="requests" element={<SpaceRequestsTab />} />
            <Route path="settings" element={<SpaceSettingsTab />} />
          </Route>
          <Route path="people" element={<PeoplePage />} />
          <Route path="people/experts" element={<WhoKnowsPage />} />
          <Route path="people/:id" element={<ProfilePage />} />
          <Route path="org" element={<OrgRootsPage />} />
          <Route path="org/:id" element={<OrgChartPage />} />
          <Route path="posts/:postId" element={<PostPage />} />
          <Route path="tags/:tag" element={<TagPage />} />
          <Route path="bookmarks" element={<BookmarksPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="questions" element={<QuestionsPage />} />
          {/* ambassadors */}
          <Route path="ambassadors" element={lazyPage(<AmbassadorsPage />)} />
          <Route path="ambassadors/kits" element={lazyPage(<AmbassadorKitsPage />)} />
          <Route path="ambassadors/report" element={lazyPage(<AmbassadorReportPage />)} />
          {/* ideas */}
          <Route path="ideas" element={lazyPage(<IdeasPage />)} />
          <Route path="ideas/:campaignId" element={lazyPage(<IdeaCampaignPage />)} />
          <Route path="ideas/idea/:ideaId" element={lazyPage(<IdeaPage />)} />
          <Route path="events/:eventId" element={<EventPage />} />
          <Route path="pages/:pageId" element={<KnowledgePage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="moderation" element={<ModerationLayout />}>
            <Route index element={<ModerationReportsTab />} />
            <Route path="pending" element={<ModerationPendingTab />} />
          </Route>
          <Route path="moderation/cases/:caseId" element={<ModerationCasePage />} />
          <Route
            path="analytics"
            element={
              <Suspense fallback={<PageLoading />}>
                <AnalyticsLayout />
              </Suspense>
            }
          >
            <Route index element={<AnalyticsIndex />} />
            <Route path="roi" element={lazyPage(<AnalyticsRoiTab />)} />
            <Route path="cohorts" element={lazyPage(<AnalyticsCohortsTab />)} />
            <Route path=":dashboard" element={lazyPage(<AnalyticsDashboardTab />)} />
          </Route>
          {/* care: inbox */}
          <Route path="care" element={<CareGuard />}>
            <Route
              element={
                <Suspense fallback={<PageLoading />}>
                  <CareLayout />
                </Suspense>
              }
            >
              <Route index element={lazyPage(<CareInboxPage />)} />
              <Route path="canned" element={lazyPage(<CareCannedPage />)} />
              {/* care: insight */}
              <Route path="insight" element={lazyPage(<CareInsightPage />)} />
            </Route>
            <Route path="conversations/:id" element={lazyPage(<CareConversationPage />)} />
          </Route>
          <Route
            path="admin"
            element={
              <Suspense fallback={<PageLoading />}>
                <AdminLayout />
              </Suspense>
            }
          >
            <Route index element={<Navigate to="people" replace />} />
            <Route path="people" element={lazyPage(<AdminPeoplePage />)} />
            <Route path="invitations" element={lazyPage(<AdminInvitationsPage />)} />
            <Route path="outbox" element={lazyPage(<AdminOutboxPage />)} />
            <Route path="outbox/:id" element={lazyPage(<AdminOutboxMessagePage />)} />
            <Route path="content-rules" element={lazyPage(<AdminContentRulesPage />)} />
            <Route path="audit" element={lazyPage(<AdminAuditPage />)} />
            <Route path="retention" element={lazyPage(<AdminRetentionPage />)} />
            <Route path="sso" element={lazyPage(<AdminSsoPage />)} />
            <Route path="external" element={lazyPage(<AdminExternalPage />)} />
            <Route path="analytics" element={lazyPage(<AdminAnalyticsPage />)} />
            {/* care: channels */}
            <Route path="care" element={lazyPage(<AdminCareLayout />)}>
              <Route index element={<Navigate to="channels" replace />} />
              <Route path="channels" element={lazyPage(<AdminCareChannelsPage />)} />
              <Route path="channels/new/:kind" element={lazyPage(<AdminCareChannelPage />)} />
              <Route path="channels/:id" element={lazyPage(<AdminCareChannelPage />)} />
              <Route path="teams" element={lazyPage(<AdminCareTeamsPage />)} />
              <Route path="sla" element={lazyPage(<AdminCareSlaPage />)} />
              <Route path="agents" element={lazyPage(<AdminCareAgentsPage />)} />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

/** /analytics opens the first dashboard, keeping the filters of a shared address. */
function AnalyticsIndex() {
  const location = useLocation();
  return <Navigate to={`/analytics/adoption${location.search}`} replace />;
}

function PageLoading() {
  return (
    <div className="page">
      <Loading />
    </div>
  );
}

function lazyPage(page: React.ReactNode) {
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}

function SessionRoot() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const userLocale = session.data?.user?.locale;

  // The signed-in person's language wins; remember it on this device for the sign-in page.
  useEffect(() => {
    if (!userLocale) return;
    storeLocale(userLocale);
    if (i18n.language !== userLocale) void i18n.changeLanguage(userLocale);
  }, [userLocale, i18n]);

  if (session.isPending) {
    return (
      <div className="boot">
        <Loading />
      </div>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="boot">
        <h1>{t('boot.errorTitle')}</h1>
        <p>{errorMessage(t, session.error)}</p>
        <Button
          type="button"
          variant="primary"
          onClick={() => void session.refetch()}
          busy={session.isFetching}
        >
          {t('common.retry')}
        </Button>
      </main>
    );
  }
  if (session.data.setupRequired && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}

function SetupRoute() {
  const { data: session } = useSession();
  if (session?.setupRequired) return <SetupPage setupTokenRequired={session.setupTokenRequired} />;
  return <Navigate to={session?.user ? '/' : '/sign-in'} replace />;
}

function SignedOutOnly({ children }: { children: React.ReactNode }) {
  const { data: session } = useSession();
  const [params] = useSearchParams();
  if (session?.user) return <Navigate to={safeNextPath(params.get('next')) ?? '/'} replace />;
  return children;
}

function RequireUser() {
  const { data: session } = useSession();
  const location = useLocation();
  const user = session?.user;
  if (!user) {
    const next = wasSignedOutOnPurpose() ? null : location.pathname + location.search + location.hash;
    return <Navigate to={signInPath(next)} replace />;
  }
  return (
    <SignedInContext value={{ user, organisationName: session.organisation?.name ?? 'Trame' }}>
      <Shell />
    </SignedInContext>
  );
}
