import os

API_BASE = "https://api.example.org"
AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
HF = os.environ.get("HF_TOKEN", "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH")
