/** What other features may use of the games list: linking a meetup's games and reading them back. */
export { gameNames, linkGames, linkedGames } from './service.js';
