import { formatPopularity } from './popularity-format.js';

import { formatNumber } from './number-format.js';

// Made when a movie is first shown, not when the page starts: creating it loads the locale's calendar data.
let dateFormat = null;

/** Fills the details card of one movie: release date, genres, votes, popularity, overview, TMDB link. */
export function renderMovieDetails(container, movie, headingLevel = 3) {
  const title = document.createElement(`h${headingLevel}`);
  title.id = `${container.id}-title`;
  title.textContent = movie.title;

  const facts = document.createElement('dl');
  addFact(facts, 'Released', movie.releaseDate ? releaseDate().format(new Date(movie.releaseDate + 'T00:00:00Z')) : 'unknown');
  addFact(facts, 'Genres', movie.genres.length ? movie.genres.join(', ') : 'none listed');
  addFact(facts, 'Votes', movie.voteCount
    ? `${movie.voteAverage?.toFixed(1) ?? '–'} / 10 from ${formatNumber(movie.voteCount)} votes`
    : 'no votes yet');
  addFact(facts, 'Popularity', formatPopularity(movie.popularity));
  // Left out when the dataset has no such column or the value is unknown (recorded as 0 in these files).
  if (movie.runtime) addFact(facts, 'Runtime', `${formatNumber(movie.runtime)} min`);
  if (movie.budget) addFact(facts, 'Budget', dollars(movie.budget));
  if (movie.revenue) addFact(facts, 'Revenue', dollars(movie.revenue));
  if (movie.originalLanguage) addFact(facts, 'Original language', movie.originalLanguage);

  const overview = document.createElement('p');
  overview.textContent = movie.overview || 'No overview available.';

  const link = document.createElement('a');
  link.href = movie.tmdbUrl;
  link.rel = 'noopener noreferrer';
  link.target = '_blank';
  link.textContent = `${movie.title} on TMDB (opens in a new tab)`;
  const linkLine = document.createElement('p');
  linkLine.append(link);

  container.setAttribute('aria-labelledby', title.id);
  container.replaceChildren(title, facts, overview, linkLine);
}

function addFact(list, term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  list.append(dt, dd);
}

/** Whole US dollars, as "$237,000,000". */
function dollars(amount) {
  return `$${formatNumber(amount, 0)}`;
}

function releaseDate() {
  dateFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
  return dateFormat;
}
