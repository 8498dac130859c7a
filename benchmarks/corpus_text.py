"""Phrasing banks for the synthetic benchmark corpus: fact templates and filler prose.

Owns the wording only. Every fact template here was checked against claimcheck's extractor
(``make_corpus.py --verify`` reports any planted value that does not come out with the right subject,
metric and value); a template that the extractor misreads is a finding to report, not something to keep in
the bank. Filler prose has no numbers or dates, so everything the extractor finds in an article is planted.

Slots: ``{m}`` a model name, ``{m2}`` a second model, ``{lab}`` its lab, ``{labs}`` the lab's possessive,
``{b}``/``{b2}`` benchmark names, ``{v}``/``{v2}`` a score ("81.4%", "about 81%"), ``{p}``/``{po}``
input/output prices ("$3.00"), ``{when}`` a dated phrase with its preposition ("on March 5, 2025",
"in Q1 2025"), ``{date}`` a bare date, ``{asof}`` a month ("March 2025").
"""

from __future__ import annotations

# ------------------------------------------------------------------------------------------ release dates

# {when} carries its own preposition: "on March 5, 2025", "in March 2025", "in Q1 2025", "in early 2025".
RELEASE = (
    "{lab} released {m} {when}.",
    "{m} launched {when}.",
    "{m} became available {when}.",
    "{m}, which debuted {when}, remains a popular choice with coding teams.",
    "When {m} arrived {when}, it reset expectations across the industry.",
    "{lab} shipped {m} {when}.",
    "The launch of {m} came {when}.",
    "{m} was unveiled {when}.",
    "{m} hit the market {when}.",
)
RELEASE_LIST = (
    "- {m}: released {when}",
    "- {m} ({date})",
    "- {m} launched {when}",
)
# relative dates, resolved against the publication date: (phrase, days before publication or "month")
RELATIVE = (
    ("{lab} released {m} yesterday.", 1),
    ("{m} went live yesterday, and early users were quick to post their impressions.", 1),
    ("{lab} unveiled {m} two days ago.", 2),
    ("{m} launched three days ago.", 3),
    ("{m} went live today.", 0),
    ("{lab} unveiled {m} earlier this month.", "month"),
)

# ---------------------------------------------------------------------------------------- benchmark scores

SCORE = (
    "{m} scores {v} on {b}.",
    "On {b}, {m} reaches {v}.",
    "{m} posted {v} on the {b} benchmark.",
    "{labs} {m} scored {v} on {b}, according to the company.",
    "Independent testers measured {v} for {m} on {b}.",
    "{b} results put {m} at {v}.",
    "According to the technical report, {m} achieves {v} on {b}.",
    "{m} lands at {v} on {b}.",
)
SCORE_PAIR = (  # one model, two benchmarks
    "{m} scores {v} on {b} and {v2} on {b2}.",
)
SCORE_VERSUS = (  # two models on one benchmark; the first is ahead
    "On {b}, {m} hits {v}, well ahead of {m2} at {v2}.",
)
SCORE_SERIES = (  # dated: a value as of a month, part of a series over time
    "As of {asof}, {m} scored {v} on {b}.",
    "{m} scored {v} on {b} as of {asof}.",
    "By {asof}, {m} had reached {v} on {b}.",
    "In {asof}, {m} posted {v} on {b}.",
)

# ------------------------------------------------------------------------------------------------- prices

PRICE = (
    "{m} costs {p} per million input tokens and {po} per million output tokens.",
    "{m} is priced at {p}/{po} per million tokens.",
    "{lab} charges {p} per 1M input tokens for {m}.",
    "At {p} per million input tokens, {m} undercuts {m2}.",
)
PRICE_HEDGED = ("{m} runs about {p} per million input tokens.",)
PRICE_SERIES = (
    "As of {asof}, {m} cost {p} per million input tokens.",
    "{m} was priced at {p} per million input tokens as of {asof}.",
)
PRICE_CUT = (  # a later point of a price series
    "In {asof}, {lab} cut the price of {m} to {p} per million input tokens.",
)

# ----------------------------------------------------------------------------------------------- headings

HEADINGS_SCORES = ("How it performs", "Benchmarks", "The numbers", "Scores in context", "Head to head")
HEADINGS_PRICES = ("Pricing", "What it costs", "The price question", "Cost per token")
HEADINGS_HISTORY = ("How we got here", "A short history", "Release history", "The road so far", "Context")
HEADINGS_OTHER = ("What developers say", "Why it matters", "The bigger picture", "Caveats", "Open questions")
HEADING_AHEAD = "Looking ahead"

TITLES_LAUNCH = (
    "{lab} launches {m}",
    "{m} is here: what {lab} shipped",
    "First look at {m}",
    "{lab} bets on {m}",
)
TITLES_ROUNDUP = (
    "Frontier model prices and scores, compared",
    "The state of the model market",
    "Which model should you pay for?",
    "Benchmarks and prices across the big labs",
)
TITLES_ANALYSIS = (
    "How fast are the {fam} models really improving?",
    "Reading the benchmark race",
    "What the leaderboards do not tell you",
    "The quiet progress of {lab}",
)
TITLES_TIMELINE = (
    "A timeline of the {fam} family",
    "From first release to flagship: the {fam} story",
    "Every {fam} release, explained",
)
OUTLETS = (
    "The Circuit",
    "Model Watch",
    "Inference Weekly",
    "The Token Ledger",
    "Frontier Notes",
    "Latent Space Review",
    "Gradient Post",
    "The Eval Desk",
)
AUTHORS = ("Dana Whitlock", "Priya Raman", "Tomas Egger", "Lena Ortiz", "Sam Okafor", "Mina Cho")

# ------------------------------------------------------------------------------------------------- filler

# No digits, no number words that read as amounts, no dates: filler must never produce a claim.
FILLER = (
    "Developers have been asking for this kind of model for a long time.",
    "The announcement drew a mixed reaction from researchers who follow the field closely.",
    "{lab} framed the release as a step toward more reliable assistants rather than a leap.",
    "Enterprise buyers care less about leaderboards than about predictable behaviour in production.",
    "Several early testers praised the model's handling of long, messy codebases.",
    "Others pointed out that benchmark gains rarely translate directly into day-to-day productivity.",
    "The company did not disclose how much compute went into training.",
    "Critics argue that published evaluations are increasingly saturated and easy to game.",
    "For most teams, the practical question is whether the new model is worth migrating to.",
    "{lab} says it worked with outside red teams before opening access.",
    "The {fam} family has become a default choice for many startups building agents.",
    "Rivals are expected to respond, as they usually do when a lab moves first.",
    "Latency remains a sore point for customers running interactive products.",
    "Some of the most interesting results came from tasks the benchmarks do not cover at all.",
    "The documentation is thorough, though a few features remain behind a waitlist.",
    "Observers noted that the pace of releases has made it hard to keep comparisons current.",
    "{lab} did not respond to a request for comment on its evaluation methodology.",
    "In conversations with engineers, reliability came up far more often than raw capability.",
    "The model appears to follow instructions more closely than its predecessor.",
    "Analysts cautioned against reading too much into any single leaderboard.",
    "Competition between {lab} and {lab2} has pushed both companies to ship faster.",
    "Pricing pressure has been relentless, and margins on inference are thin.",
    "Many customers run several models side by side and route requests between them.",
    "The safety card describes new mitigations but leaves some questions unanswered.",
    "Open questions remain about how the model behaves on languages other than English.",
    "A common complaint is that evaluation suites lag behind what users actually do.",
    "{lab} has been hiring aggressively for its applied research team.",
    "Independent labs have started publishing their own harnesses to check vendor claims.",
    "The release notes emphasise tool use, structured output and fewer refusals.",
    "For hobbyists, the free tier remains the main way to try the model.",
    "Investors have rewarded labs that ship often, whatever the benchmarks say.",
    "The gap between the top labs has narrowed, at least on paper.",
    "Customers in regulated industries are still cautious about sending data to any vendor.",
    "The {fam} models have a reputation for terse, direct answers.",
    "{lab2} has taken a different approach, focusing on smaller and cheaper models.",
    "Some researchers worry that rapid iteration leaves little time for careful evaluation.",
    "Coding assistants remain the most visible use case, but not the only lucrative one.",
    "The company positioned the launch as a response to customer feedback.",
    "Early adopters reported fewer hallucinated function names than before.",
    "Long-context behaviour is improving, though retrieval errors have not disappeared.",
    "The marketing copy was confident; the technical report was more measured.",
    "Several agencies are reviewing how frontier models are deployed in public services.",
    "Teams that fine-tune their own models watch these releases with particular interest.",
    "A quieter story is the steady improvement in tooling around the models themselves.",
    "Not every task benefits equally, and some regressions were reported in creative writing.",
    "The community has already built wrappers and plugins around the new interface.",
    "Enterprise contracts often lag public pricing by several weeks.",
    "What matters for most buyers is total cost per solved task, not per-token price alone.",
    "Benchmarks measure what is easy to measure, which is not always what matters.",
    "The shift toward agentic workflows has changed what customers ask vendors for.",
    "{lab} described its roadmap in broad strokes without committing to dates.",
    "Evaluation teams at large companies now run their own private test suites.",
    "Support for function calling has become table stakes for any serious model.",
    "There are three reasons this matters more than it first appears.",
    "Over the past couple of years, the field has moved from demos to deployments.",
    "The model card lists known limitations in unusual detail.",
    "Researchers were quick to probe the model for jailbreaks and prompt injection weaknesses.",
    "The most credible comparisons come from teams that publish their prompts and harnesses.",
    "Few vendors explain how they decontaminate their evaluation data.",
    "{labs} strategy has been to release often and iterate in public.",
)
FILLER_AHEAD = (
    "The next generation of models is likely to focus on reliability over raw scores.",
    "Expect more consolidation as smaller labs struggle to fund training runs.",
    "Regulators may soon ask for standardised evaluation disclosures.",
    "Whatever happens, customers will keep demanding lower prices and better tools.",
    "The labs that win will probably be the ones that make evaluation boring and trustworthy.",
)
