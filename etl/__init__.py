"""news-etl: turn folders of news articles into a searchable Elasticsearch index."""

__version__ = "0.1.0"
