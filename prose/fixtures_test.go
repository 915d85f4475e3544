package prose

// News-style drafts written for these tests.

const newsPlain = `BRUSSELS — Defense ministers met on Thursday to weigh a request for more air defenses, as the alliance’s secretary general, Dr. Lena Marsh, warned that the threat “remains very real.”
“We are not going to be intimidated,” Ms. Marsh said. “Not now, not ever.”
Two U.S. officials, who spoke on condition of anonymity because they were not authorized to discuss the plans, said the Pentagon would send 3,000 more troops. The figure was 2,500 a week ago.

The buildup began in the fall, when satellite images showed about 60,000 soldiers near the frontier.
That number grew to 90,000 by January, and then to 110,000, according to Lt. Col. Pavel Orlov, a spokesman.
`

const newsMarkdown = `---
title: "Ministers weigh air defenses"
tags: [defense]
---

# Ministers weigh *air defenses*

BRUSSELS — Defense ministers met on Thursday, as the secretary general,
Dr. Lena Marsh, warned that the threat “remains very real.” <!-- want "none" -->

> “We are not going to be intimidated,” Ms. Marsh said.
> “Not now, not ever.”

- Two U.S. officials said the [Pentagon](https://example.com/pentagon "The Pentagon") would send 3,000 troops.
- The figure was 2,500 a week ago &mdash; officials said \*nothing\* more.

| Date | Troops |
|------|--------|
| Fall | 60,000 |

` + "```go\nfmt.Println(\"not prose\")\n```\n\nRun `attrlint check` on the draft. Visit <https://example.com> for more.\n\n<div>\nRaw block, not prose.\n</div>\n"

const newsHTML = `<!DOCTYPE html>
<html><head><title>Ministers weigh air defenses</title>
<script>var says = "officials said";</script><style>p { margin: 0 }</style></head>
<body>
<h1>Ministers weigh air defenses</h1>
<p>BRUSSELS &mdash; Defense ministers met on Thursday, as Dr. Lena Marsh warned that the threat &ldquo;remains very real.&rdquo;</p>
<!-- want "none" -->
<blockquote><p>&#8220;We are not going to be intimidated,&#8221; Ms. Marsh said.</p></blockquote>
<ul><li>Two U.S. officials said the <a href="https://example.com">Pentagon</a> would send 3,000 troops.<li>The figure was 2,500 a week ago.</ul>
<table><tr><th>Date<th>Troops<tr><td>Fall<td>60,000</table>
<pre>not prose</pre>
<p>Officials said <code>nothing</code> more &amp; left.
</body></html>
`
