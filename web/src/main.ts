/** Browser entry: global styles, then the app mounted into index.html's #app. */
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount into');

mount(App, { target });
