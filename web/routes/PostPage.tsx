import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { usePost } from '../api/posts.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { ExpertsPanel } from '../components/questions/ExpertsPanel.tsx';
import { PostCard } from '../components/stream/PostCard.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** One post with its comments open: where notifications and timestamps lead. */
export function PostPage() {
  const { t } = useTranslation();
  const { postId = '' } = useParams();
  const post = usePost(postId);
  const { user } = useSignedIn();
  usePageTitle(post.data ? (post.data.question?.title ?? post.data.author.name) : t('postPage.title'));
  return (
    <div className="page">
      <h1 className="sr-only">{t('postPage.title')}</h1>
      <div className="stream-single">
        {post.isPending ? (
          <Loading />
        ) : post.data ? (
          <>
            <PostCard post={post.data} expanded />
            {post.data.question && post.data.author.id === user.id ? (
              <ExpertsPanel postId={post.data.id} />
            ) : null}
          </>
        ) : isApiError(post.error, 'not_found') || isApiError(post.error, 'validation_failed') ? (
          <>
            <h2>{t('postPage.notFoundTitle')}</h2>
            <p>{t('postPage.notFoundText')}</p>
          </>
        ) : (
          <FormError message={errorMessage(t, post.error)} />
        )}
      </div>
    </div>
  );
}
