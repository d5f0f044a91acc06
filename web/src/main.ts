/** Browser entry: global styles, then the app mounted into index.html's #app. */
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { clientConfig } from './lib/config';
import { unitsForLanguage, useDistanceUnits } from './lib/format';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount into');

// index.html preloads the map settings; taking them up now uses that answer on every page (a
// page without a map would leave it unused), and a failure is retried by the first map.
clientConfig().catch(() => {});

useDistanceUnits(unitsForLanguage(navigator.language));

mount(App, { target });
