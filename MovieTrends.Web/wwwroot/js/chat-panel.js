import { graphql } from './graphql.js';
import { describeError } from './error-messages.js';
import { filterVariable } from './url-state.js';
import { isCountMeasure } from './measures.js';
import { attachDeferredMarkup } from './deferred-markup.js';

const CHAT_MUTATION = `mutation Chat($input: ChatInput!) {
  chat(input: $input) { conversationId message mode notice citations { tool arguments summary } }
}`;

// A model answering with tool calls can take a while; past this the person is told and can ask again.
const CHAT_TIMEOUT_MS = 60000;

const modeNames = { LLM: 'LLM', OFFLINE: 'Offline analyst' };

/**
 * The conversation with the assistant. Each question carries the parameters of the view on screen (never
 * its numbers: the server recomputes them). Errors and timeouts appear in the conversation, which stays.
 */
export function createChatPanel(store) {
  // The panel's markup arrives with its wiring: before it, a question could be sent as a plain form submission.
  attachDeferredMarkup('chat');
  const form = document.getElementById('chat-form');
  const input = document.getElementById('chat-input');
  const send = document.getElementById('chat-send');
  const log = document.getElementById('chat-log');
  const modeLine = document.getElementById('chat-mode');
  const noticeLine = document.getElementById('chat-notice');
  let conversationId = null;
  wirePhoneToggle(document.getElementById('chat'), document.getElementById('chat-toggle'), input);

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message || input.disabled) return;

    append('user', message);
    input.value = '';
    const pending = append('pending', 'The assistant is answering…');
    setWaiting(true);
    try {
      const data = await graphql(CHAT_MUTATION,
        { input: { message, conversationId, view: currentView(store.state) } },
        { timeoutMs: CHAT_TIMEOUT_MS });
      conversationId = data.chat.conversationId;
      pending.replaceWith(reply(data.chat));
      showMode(data.chat.mode);
      showNotice(data.chat.notice);
    } catch (error) {
      // The server forgot the conversation (it expired): the next question starts a new one.
      if (error.code === 'CONVERSATION_NOT_FOUND') conversationId = null;
      pending.replaceWith(errorMessage(error));
      // Give the question back so it can be sent again as it was.
      if (!input.value) input.value = message;
    } finally {
      setWaiting(false);
      input.focus();
      log.scrollTop = log.scrollHeight;
    }
  });

  function setWaiting(waiting) {
    input.disabled = waiting;
    send.disabled = waiting;
    log.setAttribute('aria-busy', String(waiting));
  }

  function append(kind, text) {
    const element = document.createElement('p');
    element.className = `chat-message chat-message--${kind}`;
    element.textContent = text;
    log.append(element);
    log.scrollTop = log.scrollHeight;
    return element;
  }

  function reply(chat) {
    const element = document.createElement('div');
    element.className = 'chat-message chat-message--assistant';
    element.dataset.mode = chat.mode;
    const badge = document.createElement('span');
    badge.className = 'mode-badge';
    badge.textContent = modeNames[chat.mode] ?? chat.mode;
    const text = document.createElement('p');
    text.className = 'chat-text';
    text.textContent = chat.message;
    element.append(badge, text);
    if (chat.citations.length) element.append(citations(chat.citations));
    return element;
  }

  function citations(list) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `Figures used (${list.length})`;
    const items = document.createElement('ul');
    for (const citation of list) {
      const item = document.createElement('li');
      item.textContent = `${citation.tool}(${citation.arguments}): ${citation.summary}`;
      items.append(item);
    }
    details.append(summary, items);
    return details;
  }

  function errorMessage(error) {
    const element = document.createElement('p');
    element.className = 'chat-message chat-message--error';
    element.dataset.code = error.code ?? '';
    element.textContent = isChatMissing(error)
      ? 'The assistant is not available on this server yet. The charts work as usual.'
      : error.code === 'CONVERSATION_NOT_FOUND'
        ? 'This conversation has expired on the server. Send the question again to start a new one.'
        : `${describeError(error)} Your conversation is kept: send the question again when ready.`;
    return element;
  }

  // Said once, in the header: it is about how the app is set up, not about any one answer.
  function showNotice(notice) {
    noticeLine.textContent = notice ?? '';
    noticeLine.hidden = !notice;
  }

  function showMode(mode) {
    const strong = document.createElement('strong');
    strong.textContent = modeNames[mode] ?? mode;
    modeLine.replaceChildren('Mode: ', strong);
    modeLine.dataset.mode = mode;
  }
}

/**
 * On phones the panel is a sheet over the page, opened by a button that stays on screen, instead of a
 * column 2,000 px down. On wide screens the button is hidden by CSS and the panel is always shown.
 */
function wirePhoneToggle(panel, toggle, input) {
  const setOpen = (open) => {
    panel.classList.toggle('chat--open', open);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Close chat' : 'Ask about the data';
  };
  toggle.addEventListener('click', () => {
    const open = !panel.classList.contains('chat--open');
    setOpen(open);
    if (open) input.focus();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.classList.contains('chat--open')) {
      setOpen(false);
      toggle.focus();
    }
  });
}

/** The parameters of the view on screen, in the shape of the chat's ChatViewInput. */
export function currentView(state) {
  // The filter and dataset apply to both views; the measure to the trends chart. Defaults are left out.
  const lens = {};
  if (filterVariable(state.filter)) lens.filter = state.filter;
  if (state.dataset) lens.dataset = state.dataset;
  return state.view === 'popularity'
    ? { popularityYear: state.year, ...lens }
    : { trendsFrom: state.from, trendsTo: state.to, genres: state.genres, ...lens, ...(isCountMeasure(state.measure) ? {} : { measure: state.measure }) };
}

// A server without the chat mutation rejects the document itself (unknown type, field or operation),
// which GraphQL-over-HTTP reports as a 400 validation error.
function isChatMissing(error) {
  return error.status === 400 && /chat|mutation/i.test(error.message);
}
