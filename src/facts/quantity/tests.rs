//! Table tests for the quantity parser: real-world forms, non-quantities, periods.
use super::*;

/// Expected quantity: span text, kind, value, unit ("" for none), approximate.
type Want = (&'static str, QuantityKind, f64, &'static str, bool);

const T: f64 = 100.0 / 3.0;

#[rustfmt::skip]
const CASES: &[(&str, &[Want])] = &[
    // Plain numbers, separators, decimals.
    ("It cost 1,200 pounds.", &[("1,200 pounds", K::Money, 1200.0, "GBP", false)]),
    ("Inflation was 1.2 in the spring.", &[("1.2", K::Number, 1.2, "", false)]),
    ("The total was 900,000.", &[("900,000", K::Number, 9e5, "", false)]),
    ("About 3,300 people were evacuated.", &[("3,300", K::Count, 3300.0, "people", true)]),
    ("The 2,225 articles were read.", &[("2,225", K::Count, 2225.0, "articles", false)]),
    ("It added 12 new jobs.", &[("12", K::Count, 12.0, "jobs", false)]),
    // A number hyphenated to a counting noun counts it; "part-time" is no count of parts.
    ("Extras is a six-part series for a 12-member cast.", &[("six", K::Count, 6.0, "parts", false), ("12", K::Count, 12.0, "members", false)]),
    ("She sang to a 2,700-strong audience and a 40-strong crowd of 9.", &[("2,700", K::Count, 2700.0, "audience", false), ("40", K::Count, 40.0, "crowd", false), ("9", K::Number, 9.0, "", false)]),
    ("It hired 30 part-time staff.", &[("30", K::Count, 30.0, "staff", false)]),
    // An ordinal after a possessive counts what follows; not "first", not a period, not without one.
    ("U2's 26th top 10 hit is their third collaboration in its 19th year.", &[("26th", K::Count, 26.0, "", false), ("third", K::Count, 3.0, "", false)]),
    ("The second film beat the firm's 3rd quarter and its first album.", &[]),
    ("The Queen's 80th birthday fell in China's 11th Party Congress.", &[]),
    ("Nike's second-quarter revenues beat its 3rd-quarter ones.", &[]),
    ("It will be Hanks' third collaboration with Howard.", &[("third", K::Count, 3.0, "", false)]),
    ("China's third-largest lender saw Ireland's second-row score in his 50th-minute try.", &[("third", K::Count, 3.0, "", false)]),
    // Betting odds need a betting word after them or "odds of" before them: else a date or a score.
    ("Bookmakers made Bez favourite at 7/4, while Kenzie is second at 2/1.", &[("7/4", K::Odds, 1.75, "", false), ("2/1", K::Odds, 2.0, "", false)]),
    // Without betting words, "at 2/1" is no price.
    ("The meeting at 2/1 was short.", &[]),
    ("Reeves is 3/1 favourite, Kenzie a 5-2 shot, at odds of 25/1 and odds of 1/5 on.", &[("3/1", K::Odds, 3.0, "", false), ("5-2", K::Odds, 2.5, "", false), ("25/1", K::Odds, 25.0, "", false), ("1/5", K::Odds, 0.2, "", false)]),
    ("They won 3-1 and on 3/1 the shop opened.", &[("3-1", K::Score, 3.0, "", false)]),
    // Scores: a glued pair that does not rise, or tennis sets with their tie-breaks, as one.
    ("Wales, 9-8 down, won 11-9; Ireland won 83-3 and drew 2-2.", &[("9-8", K::Score, 9.0, "", false), ("11-9", K::Score, 11.0, "", false), ("83-3", K::Score, 83.0, "", false), ("2-2", K::Score, 2.0, "", false)]),
    ("Monfils beat Gaudio 6-4 7-6 (7-4) and Hewitt won 3-6 7-6 (7-3) 6-1.", &[("6-4 7-6 (7-4)", K::Score, 6.0, "", false), ("3-6 7-6 (7-3) 6-1", K::Score, 3.0, "", false)]),
    // Not a score: a rising pair alone is a range, and a season is a period.
    ("Those aged 18-24 and 10-15% in the 2004-05 season.", &[("18-24", K::Age, 18.0, "year", true), ("10-15%", K::Percent, 10.0, "", true)]),
    // Names before the counted noun, or as it; not a name a number starts or a year's.
    ("Up to five other iTunes users and 90 Windows PCs.", &[("five", K::Count, 5.0, "users", true), ("90", K::Count, 90.0, "PCs", false)]),
    ("Only two MEPs backed it; it sold six million iPods.", &[("two", K::Count, 2.0, "MEPs", false), ("six million", K::Count, 6e6, "iPods", false)]),
    ("She has won three Grand Slam mixed doubles titles.", &[("three", K::Count, 3.0, "doubles", false)]),
    ("It won two Golden Globes and 11 Baftas.", &[("two", K::Count, 2.0, "Globes", false), ("11", K::Count, 11.0, "Baftas", false)]),
    ("Police said two Reuters journalists were hurt.", &[("two", K::Count, 2.0, "journalists", false)]),
    ("He went to three Narcotics Anonymous meetings in the 1 Champions League.", &[("three", K::Count, 3.0, "meetings", false)]),
    ("The Three Gorges Dam opened before the 2004 Olympics.", &[]),
    // A part of a set counts the set's things.
    ("IBM made 500 of its patents free.", &[("500", K::Count, 500.0, "patents", false)]),
    ("It will move about 10 of its 27 plants.", &[("10", K::Count, 10.0, "plants", true), ("27", K::Count, 27.0, "plants", false)]),
    ("Winners of 11 of the 12 main awards.", &[("11", K::Count, 11.0, "awards", false), ("12", K::Count, 12.0, "awards", false)]),
    ("It covers eight of the scene's biggest stars and 40 of the firm’s stores.", &[("eight", K::Count, 8.0, "stars", false), ("40", K::Count, 40.0, "stores", false)]),
    ("Sales were 40 of them and 7 of the time.", &[("40", K::Number, 40.0, "", false), ("7", K::Number, 7.0, "", false)]),
    // Percentages.
    ("Rates rose by 0.0051%.", &[("0.0051%", K::Percent, 0.0051, "", false)]),
    ("Sales rose 40% and turnout was 76%.", &[("40%", K::Percent, 40.0, "", false), ("76%", K::Percent, 76.0, "", false)]),
    ("Profits fell 40 per cent.", &[("40 per cent", K::Percent, 40.0, "", false)]),
    ("It grew 40 percent.", &[("40 percent", K::Percent, 40.0, "", false)]),
    ("The share fell to almost 23%.", &[("23%", K::Percent, 23.0, "", true)]),
    ("Up to 75% of staff could leave.", &[("75%", K::Percent, 75.0, "", true)]),
    ("The chip is 9% smaller.", &[("9%", K::Percent, 9.0, "", false)]),
    ("GDP grew 2.5 percentage points.", &[("2.5 percentage points", K::Percent, 2.5, "point", false)]),
    ("营收增长了百分之四十。", &[("百分之四十", K::Percent, 40.0, "", false)]),
    ("逾百分之三十三点三的用户", &[("百分之三十三点三", K::Percent, 33.3, "", true)]),
    ("利润增长40％。", &[("40％", K::Percent, 40.0, "", false)]),
    // Scales and money.
    ("It affects 270 million people.", &[("270 million", K::Count, 2.7e8, "people", false)]),
    ("The firm raised 2.7bn and then 2.7 billion.", &[("2.7bn", K::Count, 2.7e9, "", false), ("2.7 billion", K::Count, 2.7e9, "", false)]),
    ("Some 45 million watched.", &[("45 million", K::Count, 4.5e7, "", true)]),
    ("It lost £600m last year.", &[("£600m", K::Money, 6e8, "GBP", false)]),
    ("Revenue hit $1.13bn.", &[("$1.13bn", K::Money, 1.13e9, "USD", false)]),
    ("It paid $639m and $9.4 billion.", &[("$639m", K::Money, 6.39e8, "USD", false), ("$9.4 billion", K::Money, 9.4e9, "USD", false)]),
    ("The fund got 5.45m Euros.", &[("5.45m Euros", K::Money, 5.45e6, "EUR", false)]),
    ("It will cost 7.5bn euros, not 20m euros.", &[("7.5bn euros", K::Money, 7.5e9, "EUR", false), ("20m euros", K::Money, 2e7, "EUR", false)]),
    ("A loan of 1bn CFA francs.", &[("1bn CFA francs", K::Money, 1e9, "CFA", false)]),
    ("The project costs Rs 500 crore.", &[("Rs 500 crore", K::Money, 5e9, "INR", false)]),
    ("The EU fined it €3bn.", &[("€3bn", K::Money, 3e9, "EUR", false)]),
    ("Exports hit ¥100bn.", &[("¥100bn", K::Money, 1e11, "JPY", false)]),
    ("Sales reached 50.44 billion yuan.", &[("50.44 billion yuan", K::Money, 5.044e10, "CNY", false)]),
    ("It spent $178 million.", &[("$178 million", K::Money, 1.78e8, "USD", false)]),
    ("HK$5bn and US$2m", &[("HK$5bn", K::Money, 5e9, "HKD", false), ("US$2m", K::Money, 2e6, "USD", false)]),
    ("He left half a million pounds.", &[("half a million pounds", K::Money, 5e5, "GBP", false)]),
    ("用户达2.7亿。", &[("2.7亿", K::Count, 2.7e8, "", false)]),
    ("新增3万人。", &[("3万", K::Count, 3e4, "人", false)]),
    ("营收505亿元。", &[("505亿元", K::Money, 5.05e10, "CNY", false)]),
    ("净利润634.3亿元，增长10.74亿。", &[("634.3亿元", K::Money, 6.343e10, "CNY", false), ("10.74亿", K::Count, 1.074e9, "", false)]),
    // Durations.
    ("The film runs 151 minutes, the sequel 101 minutes.", &[("151 minutes", K::Duration, 151.0, "minute", false), ("101 minutes", K::Duration, 101.0, "minute", false)]),
    ("Each clip lasts 15 seconds.", &[("15 seconds", K::Duration, 15.0, "second", false)]),
    ("Users watched 28 million hours of video.", &[("28 million hours", K::Duration, 2.8e7, "hour", false)]),
    ("It took three years to build.", &[("three years", K::Duration, 3.0, "year", false)]),
    ("Russia has waited for a decade to join.", &[("a decade", K::Duration, 1.0, "decade", false)]),
    ("A century ago it was a village.", &[("A century", K::Duration, 1.0, "century", false)]),
    ("He signed a 10-year deal.", &[("10-year", K::Duration, 10.0, "year", false)]),
    // Ages between commas after a name; a date's day is no age.
    ("Bratman, 26, proposed to Aguilera, 23, on holiday.", &[("26", K::Age, 26.0, "year", false), ("23", K::Age, 23.0, "year", false)]),
    ("Hailey died at the age of 84; his wife, aged 79, survives; the age of 300 ships.", &[("84", K::Age, 84.0, "year", false), ("79", K::Age, 79.0, "year", false), ("300", K::Count, 300.0, "ships", false)]),
    ("The 23-year-old is 84 years old, not two years older, after a 10-year deal.", &[("23-year-old", K::Age, 23.0, "year", false), ("84 years old", K::Age, 84.0, "year", false), ("two years", K::Duration, 2.0, "year", false), ("10-year", K::Duration, 10.0, "year", false)]),
    ("电影时长151分钟。", &[("151分钟", K::Duration, 151.0, "minute", false)]),
    ("飞行约2小时。", &[("2小时", K::Duration, 2.0, "hour", true)]),
    ("It lasts 15 to 20 minutes.", &[("15 to 20 minutes", K::Duration, 15.0, "minute", true)]),
    // Counts and measures.
    ("Two million volunteers helped.", &[("Two million", K::Count, 2e6, "volunteers", false)]),
    ("It sold eight million copies.", &[("eight million", K::Count, 8e6, "copies", false)]),
    ("A million viewers tuned in.", &[("A million", K::Count, 1e6, "viewers", false)]),
    ("Two companies bid.", &[("Two", K::Count, 2.0, "companies", false)]),
    ("Twenty-five passengers and two hundred and fifty vehicles.", &[("Twenty-five", K::Count, 25.0, "passengers", false), ("two hundred and fifty", K::Count, 250.0, "vehicles", false)]),
    ("They flew 11,000 miles.", &[("11,000 miles", K::Measure, 11000.0, "mile", false)]),
    ("It covers 5,200 hectares and 32,000 acre.", &[("5,200 hectares", K::Measure, 5200.0, "hectare", false), ("32,000 acre", K::Measure, 32000.0, "acre", false)]),
    ("Output hit 2 million barrels a day.", &[("2 million barrels", K::Measure, 2e6, "barrel", false)]),
    ("He put on 25lb, then lost 10kg.", &[("25lb", K::Measure, 25.0, "lb", false), ("10kg", K::Measure, 10.0, "kg", false)]),
    ("The baby weighed 7 lbs 4 oz.", &[("7 lbs", K::Measure, 7.0, "lb", false), ("4 oz", K::Measure, 4.0, "oz", false)]),
    ("The leap was 37cm short.", &[("37cm", K::Measure, 37.0, "cm", false)]),
    // A glued "m" is millions, unless a dimension or a speed follows.
    ("The 508m tall tower's lifts climb 17m per second; it cost $5m.", &[("508m", K::Measure, 508.0, "metre", false), ("17m", K::Measure, 17.0, "metre", false), ("$5m", K::Money, 5e6, "USD", false)]),
    // Races and field events are in metres; a noun after the number, or a figure before "and", keeps millions.
    ("Holmes won the 800m and 1,500m titles; Greene lost his 100m title.", &[("800m", K::Measure, 800.0, "metre", false), ("1,500m", K::Measure, 1500.0, "metre", false), ("100m", K::Measure, 100.0, "metre", false)]),
    ("She ran the 60m hurdles, the individual 100m and 200m events and the 10,000m world record.", &[("60m", K::Measure, 60.0, "metre", false), ("100m", K::Measure, 100.0, "metre", false), ("200m", K::Measure, 200.0, "metre", false), ("10,000m", K::Measure, 10000.0, "metre", false)]),
    ("She cleared 4.88m to win the pole vault.", &[("4.88m", K::Measure, 4.88, "metre", false)]),
    ("Holmes took the women's 1500m while Gardener won a 60m race; he kicked a 40m penalty.", &[("1500m", K::Measure, 1500.0, "metre", false), ("60m", K::Measure, 60.0, "metre", false), ("40m", K::Measure, 40.0, "metre", false)]),
    ("She won with a throw of 15.27m; it is unclear if 2.5m fans watched.", &[("15.27m", K::Measure, 15.27, "metre", false), ("2.5m", K::Count, 2.5e6, "fans", false)]),
    ("The firm has 100m customers and 200m in Asia; it sold 100m and 200m copies.", &[("100m", K::Count, 1e8, "customers", false), ("200m", K::Count, 2e8, "", false), ("100m", K::Count, 1e8, "", false), ("200m", K::Count, 2e8, "copies", false)]),
    // "half" in a rugby position, a match's or a pitch's half is no fraction; nor "a half-baked" or "two quarters".
    ("Fly-half Jones and scrum-half Peel shone in a first-half display; half the side is new.", &[("half", K::Percent, 50.0, "", false)]),
    ("At half time they were pinned in their own half, in the bottom half of the table.", &[]),
    // Clock times, the first day of a pair of dates, and a number that is part of a name; a
    // number of named things stays (as a plain number: the noun after a model is not read).
    ("By 1650 GMT the euro rose; the film took 3 days between 24 and 26 December, or June 24 and 25.", &[("3 days", K::Duration, 3.0, "day", false)]),
    ("Rapper 50 Cent moved into 10 Downing Street; Deccan ordered 30 Airbus A320 planes.", &[("30", K::Count, 30.0, "planes", false)]),
    // A number after a name mid-sentence is a model, and a model between a number and its
    // noun is part of the name: no 737 planes, no 100 companies, no 2 prizes.
    ("It ordered 70 Boeing 737-800 planes and 10 A320 aircraft.", &[("70", K::Count, 70.0, "planes", false), ("10", K::Count, 10.0, "aircraft", false)]),
    // A hyphenated modifier does not hide the noun; a hyphenated noun is kept whole.
    ("China had 576 million micro-drama users and got 12 million e-mails.", &[("576 million", K::Count, 576e6, "users", false), ("12 million", K::Count, 12e6, "e-mails", false)]),
    ("It sold 2 million Xbox 360 consoles to FTSE 100 companies.", &[("2 million", K::Count, 2e6, "consoles", false)]),
    ("Film sequel Shrek 2 took three prizes on Super 12 sides.", &[("three", K::Count, 3.0, "prizes", false)]),
    // A day is no name; nor is a count written with a separator.
    ("Earlier on Friday 15 protesters marched.", &[("15", K::Count, 15.0, "protesters", false)]),
    ("Later Nokia 1,200 staff left.", &[("1,200", K::Count, 1200.0, "staff", false)]),
    ("A half-baked ditty two quarters ahead took a quarter of the vote.", &[("a quarter", K::Percent, 25.0, "", false)]),
    ("It sold 17m tickets at 20m high street shops.", &[("17m", K::Count, 17e6, "tickets", false), ("20m", K::Count, 2e7, "shops", false)]),
    ("Speeds rise to 2Mbps on a 3.2GHz chip.", &[("2Mbps", K::Measure, 2.0, "Mbps", false), ("3.2GHz", K::Measure, 3.2, "GHz", false)]),
    ("Shares closed at 270.25p, a stamp costs 50 pence.", &[("270.25p", K::Money, 270.25, "GBX", false), ("50 pence", K::Money, 50.0, "GBX", false)]),
    ("Crude fell 32 cents; Volvo made 19bn kronor and Thai Airways 30bn baht.", &[("32 cents", K::Money, 32.0, "cent", false), ("19bn kronor", K::Money, 19e9, "SEK", false), ("30bn baht", K::Money, 30e9, "THB", false)]),
    ("He scored from 18 yards at 0.5 megabits a second on a 40 gigabytes drive.", &[("18 yards", K::Measure, 18.0, "yard", false), ("0.5 megabits", K::Measure, 0.5, "Mbit", false), ("40 gigabytes", K::Measure, 40.0, "GB", false)]),
    ("It has more than 500 stores.", &[("500", K::Count, 500.0, "stores", true)]),
    ("At least 20 people and fewer than 10 games.", &[("20", K::Count, 20.0, "people", true), ("10", K::Count, 10.0, "games", true)]),
    ("Around 2000 people attended.", &[("2000", K::Count, 2000.0, "people", true)]),
    // A year before a noun names its year: only a qualifier or a round hundred without a
    // determiner makes a year-like number a count.
    ("Over 60% of the 2024 downloads came from ads; firms report 2004 results.", &[("60%", K::Percent, 60.0, "", true)]),
    ("The 2000 elections drew 2000 voters.", &[("2000", K::Count, 2000.0, "voters", false)]),
    ("超过5000名员工和约3万多人", &[("5000", K::Count, 5000.0, "人", true), ("3万多", K::Count, 3e4, "人", true)]),
    ("Dozens of people were hurt.", &[("Dozens", K::Count, 12.0, "people", true)]),
    ("Tens of thousands of fans came.", &[("Tens of thousands", K::Count, 1e4, "fans", true)]),
    ("数百人参加。", &[("数百", K::Count, 100.0, "人", true)]),
    // Chinese figures as the audiovisual reports write them.
    ("目前每天有2.7亿人在快手看短剧。", &[("2.7亿", K::Count, 2.7e8, "人", false)]),
    ("短视频人均单日使用时长为151分钟。", &[("151分钟", K::Duration, 151.0, "minute", false)]),
    ("40%的用户经常观看微短剧，百分之三十的用户曾付费。", &[("40%", K::Percent, 40.0, "", false), ("百分之三十", K::Percent, 30.0, "", false)]),
    ("新增3万部作品。", &[("3万", K::Count, 3e4, "部", false)]),
    ("重点网络微短剧数量翻番。", &[("翻番", K::Multiplier, 2.0, "", false)]),
    ("收入翻了两番。", &[("翻了两番", K::Multiplier, 4.0, "", false)]),
    ("数百部微短剧上线。", &[("数百", K::Count, 100.0, "部", true)]),
    ("市场规模达505亿元。", &[("505亿元", K::Money, 5.05e10, "CNY", false)]),
    ("单集售价1元，全剧约50元。", &[("1元", K::Money, 1.0, "CNY", false), ("50元", K::Money, 50.0, "CNY", true)]),
    ("行业规模超过1.5万亿元。", &[("1.5万亿元", K::Money, 1.5e12, "CNY", true)]),
    ("海外收入达2.5亿美元。", &[("2.5亿美元", K::Money, 2.5e8, "USD", false)]),
    // Multipliers and fractions.
    ("Profits doubled while costs halved.", &[("doubled", K::Multiplier, 2.0, "", false), ("halved", K::Multiplier, 0.5, "", false)]),
    ("It won 18 times out of 20, and three times more often.", &[("18", K::Count, 18.0, "times", false), ("20", K::Number, 20.0, "", false), ("three times", K::Multiplier, 3.0, "", false)]),
    ("Prices are twice as high, three times the rate.", &[("twice", K::Multiplier, 2.0, "", false), ("three times", K::Multiplier, 3.0, "", false)]),
    ("Wilson has twice tried it, and Moody was twice penalised.", &[]),
    ("A two-fold rise, a threefold jump and a 10x gain.", &[("two-fold", K::Multiplier, 2.0, "", false), ("threefold", K::Multiplier, 3.0, "", false), ("10x", K::Multiplier, 10.0, "", false)]),
    ("利润翻了一番。", &[("翻了一番", K::Multiplier, 2.0, "", false)]),
    ("Half of the money was lost.", &[("Half", K::Percent, 50.0, "", false)]),
    ("Almost half said no.", &[("half", K::Percent, 50.0, "", true)]),
    ("It took two and a half years to reach one-and-a-half million users on a three-and-a-half-year deal.", &[("two and a half years", K::Duration, 2.5, "year", false), ("one-and-a-half million", K::Count, 1.5e6, "users", false), ("three-and-a-half-year", K::Duration, 3.5, "year", false)]),
    ("A third of voters and three quarters of staff agreed.", &[("A third", K::Percent, T, "", false), ("three quarters", K::Percent, 75.0, "", false)]),
    ("Euronext has a quarter stake; a third term began.", &[("a quarter", K::Percent, 25.0, "", false)]),
    ("Two-thirds of members backed it.", &[("Two-thirds", K::Percent, 2.0 * T, "", false)]),
    ("It took half an hour.", &[("half an hour", K::Duration, 0.5, "hour", false)]),
    ("Only 1 in 5 people and one in three adults agreed.", &[("1 in 5", K::Percent, 20.0, "", false), ("one in three", K::Percent, T, "", false)]),
    ("其中近一半在东部，三分之一在西部。", &[("一半", K::Percent, 50.0, "", true), ("三分之一", K::Percent, T, "", false)]),
    // Ranges and changes.
    ("It will cost $1-2bn.", &[("$1-2bn", K::Money, 1e9, "USD", true)]),
    ("Rates rose from 5 to 10 per cent.", &[("5", K::Number, 5.0, "", false), ("10 per cent", K::Percent, 10.0, "", false)]),
    // Not statistics.
    ("In 2004 the firm was founded; the 1990s were good.", &[]),
    ("In 2004 people were happier.", &[]),
    ("It happened on March 28th, or 28 March, or on 28–29 March.", &[]),
    ("Dated 2024-03-28 at 10:30, or at 10 am.", &[]),
    ("They met at 3pm, or at 3 p.m. and 4 p.m.", &[]),
    ("On March 28, 2004, it rained.", &[]),
    ("会议于3月28日举行。2023年营收增长。", &[]),
    ("He came 11th and then 1st.", &[]),
    ("The 777-200LR, Windows XP and the PS2 and Covid-19 and 5G.", &[]),
    ("Call 020 7946 0958 now.", &[]),
    ("The text also appears on 163.com, 4399.com and 360.cn.", &[]),
    ("See Page 3 and No 1 and No. 5.", &[]),
    ("In the 2004-05 season he scored.", &[]),
    ("One of the best, the one he liked, one day.", &[]),
    ("He rode a Boeing 777 there.", &[]),
    // A time unit before a bare number names a point in a sequence, not an amount.
    ("Sales rose in month 6 of the trial; in week 3 and on day 2 it rained.", &[]),
    // ... but not before a counted or scaled number.
    ("Every day 40,000 people and every week 2 million fans came.", &[("40,000", K::Count, 4e4, "people", false), ("2 million", K::Count, 2e6, "fans", false)]),
    ("The iPhone 15 sold at 7-Eleven.", &[]),
    ("The team won 3-1 in a third term, the second half.", &[("3-1", K::Score, 3.0, "", false)]),
    ("It is the number one brand with two of them.", &[]),
];

fn check(text: &str, want: &[Want]) -> bool {
    let got = parse_quantities(text);
    got.len() == want.len()
        && got.iter().zip(want).all(|(g, w)| {
            let unit = g.unit.as_deref().unwrap_or("");
            &text[g.span.clone()] == w.0
                && g.kind == w.1
                && (g.value - w.2).abs() <= 1e-9 * w.2.abs().max(1.0)
                && unit == w.3
                && g.approximate == w.4
        })
}

#[test]
fn real_world_quantities_are_parsed_with_kind_value_and_unit() {
    let failures: Vec<_> = CASES
        .iter()
        .filter(|(text, want)| !check(text, want))
        .map(|(text, _)| {
            let got: Vec<_> = parse_quantities(text)
                .into_iter()
                .map(|q| {
                    (
                        text[q.span.clone()].to_string(),
                        q.kind,
                        q.value,
                        q.unit,
                        q.approximate,
                    )
                })
                .collect();
            format!("{text:?} => {got:?}")
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn period_year_finds_the_sentence_year() {
    let cases: &[(&str, Option<i32>)] = &[
        ("Sales rose in 2004.", Some(2004)),
        ("Guidance for 2024 was cut.", Some(2024)),
        ("2023年营收增长。", Some(2023)),
        ("In the 2004-05 season he scored.", Some(2004)),
        ("Results for FY2022 were weak.", Some(2022)),
        ("By March 2021 it had closed.", Some(2021)),
        ("Some 2000 people came in 2019.", Some(2019)),
        ("2010 was a bad year.", Some(2010)),
        ("It has 2,004 staff and $2024 in cash.", None),
        ("会议于3月28日举行。", None),
        ("Around 2000 people came.", None),
        ("观影人次超过2000万。", None),
        (
            "The 2024 report put the market at 1.15 trillion yuan in 2023.",
            Some(2023),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(period_year(text), *want, "{text:?}");
    }
}

#[test]
fn kind_names_are_lowercase_words() {
    let kinds = [
        K::Count,
        K::Money,
        K::Percent,
        K::Duration,
        K::Multiplier,
        K::Measure,
        K::Number,
    ];
    let names: Vec<_> = kinds.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "count",
            "money",
            "percent",
            "duration",
            "multiplier",
            "measure",
            "number"
        ]
    );
}

#[test]
fn never_panics_and_spans_are_char_boundaries() {
    let atoms: Vec<&str> = concat!(
        "1|2,|000|.|5|%|$|£|m|bn| |million|亿|万|元|百分之|四十|点|翻|数|百|half|a |third|-|–|to|",
        "of|per cent|years|😀|é|多|约|x|Rs|US$|2004|年|月|：|增长|人|个月|左右|最近|about|FY|",
        "No.|March|people|and|twenty|one|hundred|0|:|/|\n|tens|dozens|fold|Half|上千|翻了一番"
    )
    .split('|')
    .collect();
    let mut seed = 987654321u64;
    for _ in 0..5000 {
        let mut text = String::new();
        for _ in 0..(seed % 16) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(atoms[(seed >> 33) as usize % atoms.len()]);
        }
        let mut last = 0;
        for q in parse_quantities(&text) {
            let (a, b) = (q.span.start, q.span.end);
            let ok = a >= last && a < b && b <= text.len() && q.value.is_finite();
            assert!(
                ok && text.is_char_boundary(a) && text.is_char_boundary(b),
                "{text:?}"
            );
            last = b;
        }
        let _ = period_year(&text);
    }
}
