__portalSearch.f("2f0f03ded588",{"topics":{"0":"AAYS","1":"AAEDARI=","2":"ABs=","3":"AAACBBM=","4":"AAQY","5":"AAIb"}});
