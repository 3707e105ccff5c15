// Entry of the renderer: mounts the app into #app.
import { render } from 'preact';
import { App } from './app/App';
import { installRenderCounts } from './app/render-counts';
import { registerServiceWorker } from './collab/register-service-worker';
import { tellHostTheLanguage } from './i18n/host-language';
import './styles/base.css';
import './styles/start.css';
import './styles/document.css';
import './styles/editor.css';
import './styles/outline.css';
import './styles/word-import.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
tellHostTheLanguage();
if (__PEJLING_RENDER_COUNTS__) installRenderCounts(); // the render-budget test build only
render(<App />, root);
registerServiceWorker();
