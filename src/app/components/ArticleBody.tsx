import { createEffect } from 'solid-js';
import { BUNDLE_DIR } from '../../core/format';
import { replaceBrokenImage } from '../articleBody/imagePlaceholder';
import { prepareArticleBody } from '../articleBody/prepareArticleBody';

const BODY_OPTIONS = {
  bundleBase: `${import.meta.env.BASE_URL}${BUNDLE_DIR}/`,
  appBase: import.meta.env.BASE_URL,
};

/**
 * An article's body: its sanitised HTML (the librarian's importer sanitises every body, see
 * `src/core/types.ts`), prepared for reading (`prepareArticleBody`) while still inert in a
 * `<template>`, so that no picture is requested at an address not yet rewritten.
 */
export function ArticleBody(props: { html: string }) {
  let container!: HTMLDivElement;
  const showBrokenImage = (event: Event) => {
    // `error` does not bubble; this listener runs in the capture phase for every picture below.
    if (event.target instanceof HTMLImageElement) replaceBrokenImage(event.target);
  };
  // After the container exists (its ref), before the browser paints: effects run in the same task.
  createEffect(() => {
    const template = document.createElement('template');
    template.innerHTML = props.html;
    prepareArticleBody(template.content, BODY_OPTIONS);
    container.replaceChildren(template.content);
  });
  return (
    <div
      class="article__body"
      dir="auto"
      ref={(element) => {
        container = element;
        element.addEventListener('error', showBrokenImage, true);
      }}
    />
  );
}
