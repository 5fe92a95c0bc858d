import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { QueryProvider } from './shared/query';
import './styles.css';

createRoot(document.getElementById('root')!).render(<StrictMode><QueryProvider><App /></QueryProvider></StrictMode>);
