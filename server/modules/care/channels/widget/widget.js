// Trame customer-care widget: a contact form and the conversation's replies, rendered into the
// page that includes this script:
//   <script src="https://trame.example.com/widget.js" data-key="PUBLIC_KEY" async></script>
// Optional: data-target="#css-selector" (where to render; default: right after the script),
// data-lang="fr" or "en" (default: the page's language). No framework, no cookies: the
// visitor's session is a random token kept in this site's localStorage.
(() => {
  const script = document.currentScript || document.querySelector('script[data-key][src*="widget.js"]');
  if (!script) return;
  const key = script.getAttribute('data-key') || '';
  const base = new URL(script.getAttribute('src'), document.baseURI).origin;
  const api = `${base}/api/v1/care/widget/${encodeURIComponent(key)}`;
  const pageLang = (
    script.getAttribute('data-lang') ||
    document.documentElement.lang ||
    navigator.language ||
    ''
  )
    .slice(0, 2)
    .toLowerCase();
  const lang = pageLang === 'fr' ? 'fr' : 'en';
  const texts = {
    en: {
      title: 'Contact us',
      name: 'Your name',
      email: 'Your email',
      emailOptional: 'Your email (optional)',
      message: 'Your message',
      honeypot: 'Leave this field empty',
      send: 'Send',
      sending: 'Sending…',
      sent: 'Thank you, your message was sent. Our answer will appear here.',
      conversation: 'Your conversation',
      you: 'You',
      agent: 'Customer care',
      tooFast: 'Please take a moment, then send your message again.',
      refused: 'This site may not use the contact form.',
      disabled: 'The contact form is closed for now.',
      limited: 'Too many messages. Please try again later.',
      invalid: 'Please check the form: ',
      failed: 'Your message could not be sent. Please try again.',
      unavailable: 'The contact form is not available on this site.',
    },
    fr: {
      title: 'Nous contacter',
      name: 'Votre nom',
      email: 'Votre adresse e-mail',
      emailOptional: 'Votre adresse e-mail (facultatif)',
      message: 'Votre message',
      honeypot: 'Laissez ce champ vide',
      send: 'Envoyer',
      sending: 'Envoi…',
      sent: 'Merci, votre message est envoyé. Notre réponse apparaîtra ici.',
      conversation: 'Votre conversation',
      you: 'Vous',
      agent: 'Service client',
      tooFast: 'Prenez un instant, puis renvoyez votre message.',
      refused: 'Ce site n’est pas autorisé à utiliser le formulaire de contact.',
      disabled: 'Le formulaire de contact est fermé pour le moment.',
      limited: 'Trop de messages. Réessayez plus tard.',
      invalid: 'Vérifiez le formulaire : ',
      failed: 'Votre message n’a pas pu être envoyé. Réessayez.',
      unavailable: 'Le formulaire de contact n’est pas disponible sur ce site.',
    },
  }[lang];

  const storageKey = `trame-care-session:${key}`;
  let session = null;
  try {
    session = window.localStorage.getItem(storageKey);
  } catch {
    session = null;
  }
  let formToken = '';
  let seen = '';

  const el = (tag, props, children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (name === 'text') node.textContent = value;
      else if (name === 'style') Object.assign(node.style, value);
      else node.setAttribute(name, value);
    }
    for (const child of children || []) node.appendChild(child);
    return node;
  };
  const uid = `trame-care-${Math.random().toString(36).slice(2)}`;
  const field = (id, label, input) =>
    el('p', { style: { margin: '0 0 0.75em' } }, [
      el('label', { for: id, text: label, style: { display: 'block', fontWeight: '600' } }),
      input,
    ]);
  const inputStyle = {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    font: 'inherit',
    padding: '0.4em',
  };

  const greeting = el('p', { style: { margin: '0 0 0.75em' } });
  const name = el('input', { id: `${uid}-name`, name: 'name', autocomplete: 'name', style: inputStyle });
  const email = el('input', {
    id: `${uid}-email`,
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    style: inputStyle,
  });
  const emailLabel = el('label', {
    for: `${uid}-email`,
    text: texts.emailOptional,
    style: { display: 'block', fontWeight: '600' },
  });
  const message = el('textarea', {
    id: `${uid}-message`,
    name: 'message',
    rows: '4',
    required: 'required',
    maxlength: '5000',
    style: inputStyle,
  });
  // Off screen and out of the tab order: people never fill it, robots do.
  const honeypot = el('input', {
    id: `${uid}-website`,
    name: 'website',
    tabindex: '-1',
    autocomplete: 'off',
  });
  const trap = el(
    'div',
    {
      'aria-hidden': 'true',
      style: { position: 'absolute', left: '-10000px', width: '1px', overflow: 'hidden' },
    },
    [el('label', { for: `${uid}-website`, text: texts.honeypot }), honeypot],
  );
  const button = el('button', {
    type: 'submit',
    text: texts.send,
    style: { font: 'inherit', padding: '0.4em 1em' },
  });
  const status = el('p', { role: 'status', 'aria-live': 'polite', style: { margin: '0.75em 0 0' } });
  const thread = el('ol', { style: { listStyle: 'none', padding: '0', margin: '0' } });
  const threadSection = el('div', { hidden: 'hidden' }, [
    el('h3', { text: texts.conversation, style: { fontSize: '1em', margin: '1em 0 0.5em' } }),
    thread,
  ]);
  const form = el('form', { novalidate: 'novalidate' }, [
    greeting,
    field(`${uid}-name`, texts.name, name),
    el('p', { style: { margin: '0 0 0.75em' } }, [emailLabel, email]),
    field(`${uid}-message`, texts.message, message),
    trap,
    button,
    status,
  ]);
  const root = el(
    'section',
    {
      'aria-labelledby': `${uid}-title`,
      'data-trame-care': 'widget',
      lang,
      style: {
        position: 'relative',
        maxWidth: '28em',
        border: '1px solid #8a8a8a',
        borderRadius: '8px',
        padding: '1em',
        font: '16px/1.4 system-ui, sans-serif',
        background: '#fff',
        color: '#1a1a1a',
      },
    },
    [
      el('h2', { id: `${uid}-title`, text: texts.title, style: { fontSize: '1.2em', margin: '0 0 0.5em' } }),
      form,
      threadSection,
    ],
  );

  const selector = script.getAttribute('data-target');
  const target = selector ? document.querySelector(selector) : null;
  if (target) target.appendChild(root);
  else script.insertAdjacentElement('afterend', root);

  const say = (text) => {
    status.textContent = text;
  };
  const errorText = (body) => {
    const code = body?.error?.code;
    if (code === 'care_origin_refused') return texts.refused;
    if (code === 'care_channel_disabled') return texts.disabled;
    if (code === 'rate_limited') return texts.limited;
    if (code === 'validation_failed') {
      const issues = body.error.details?.issues || [];
      if (issues.some((i) => i.field === 'formToken')) return texts.tooFast;
      // The server's messages are in English: name the fields in the visitor's language instead.
      const labels = {
        name: texts.name,
        email: texts.email,
        message: texts.message,
        website: texts.honeypot,
      };
      const fields = [...new Set(issues.map((i) => labels[i.field]).filter(Boolean))];
      return fields.length > 0 ? texts.invalid + fields.join(', ') : texts.failed;
    }
    return texts.failed;
  };
  const request = async (path, options) => {
    const res = await fetch(api + path, { mode: 'cors', credentials: 'omit', ...options });
    const body = await res.json().catch(() => null);
    return { ok: res.ok, body };
  };

  async function configure() {
    const query = session ? `?session=${encodeURIComponent(session)}` : '';
    const { ok, body } = await request(`/config${query}`);
    if (!ok) {
      say(errorText(body));
      button.disabled = true;
      return false;
    }
    session = body.session;
    formToken = body.formToken;
    try {
      window.localStorage.setItem(storageKey, session);
    } catch {
      // Private browsing: the conversation lasts as long as the page.
    }
    greeting.textContent = (lang === 'fr' ? body.greetingFr : body.greetingEn) || '';
    greeting.hidden = greeting.textContent === '';
    if (body.requireEmail) {
      email.setAttribute('required', 'required');
      emailLabel.textContent = texts.email;
    }
    return true;
  }

  async function refresh() {
    if (!session) return;
    const { ok, body } = await request(`/messages?session=${encodeURIComponent(session)}`);
    if (!ok || !body.items.length) return;
    const signature = body.items.map((m) => m.id).join(',');
    if (signature === seen) return;
    seen = signature;
    thread.replaceChildren(
      ...body.items.map((m) =>
        el('li', { 'data-from': m.from, style: { margin: '0 0 0.5em' } }, [
          el('strong', {
            text: `${m.from === 'agent' ? texts.agent : texts.you}${lang === 'fr' ? ' : ' : ': '}`,
          }),
          el('span', { text: m.body, style: { whiteSpace: 'pre-wrap' } }),
        ]),
      ),
    );
    threadSection.hidden = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!message.value.trim()) {
      message.focus();
      return;
    }
    button.disabled = true;
    button.textContent = texts.sending;
    say('');
    try {
      const { ok, body } = await request('/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: name.value,
          email: email.value,
          message: message.value,
          website: honeypot.value,
          session,
          formToken,
        }),
      });
      if (ok) {
        message.value = '';
        say(texts.sent);
        await configure();
        await refresh();
      } else say(errorText(body));
    } catch {
      say(texts.failed);
    } finally {
      button.disabled = false;
      button.textContent = texts.send;
    }
  });

  // A site that is not on the allow-list gets no CORS headers: its page cannot read why, only that it failed.
  configure()
    .then((ready) => (ready ? refresh() : undefined))
    .catch(() => {
      button.disabled = true;
      say(texts.unavailable);
    });
  // Replies appear without reloading the page.
  window.setInterval(() => {
    if (document.visibilityState === 'visible') refresh().catch(() => {});
  }, 15_000);
})();
