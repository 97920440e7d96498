import { render } from 'solid-js/web';
import { App } from './App';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('reader: index.html has no <div id="root">');
render(() => <App />, root);
registerServiceWorker();
